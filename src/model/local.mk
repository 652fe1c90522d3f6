# src/model: files are added here as the layer grows.
