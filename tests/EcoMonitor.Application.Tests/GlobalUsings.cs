global using EcoMonitor.Testing;
