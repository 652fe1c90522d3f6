# src/ui: files are added here as the layer grows.
