global using EcoMonitor.Web.Hosting;
