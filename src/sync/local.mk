# src/sync: files are added here as the layer grows.
