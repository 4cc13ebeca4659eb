global using EcoMonitor.Testing;
global using Microsoft.Playwright;
