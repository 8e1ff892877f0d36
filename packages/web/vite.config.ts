import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

// For `vite` (dev), run the API with APP_ORIGIN=http://localhost:5173: it accepts writes only from its own origin.
export default defineConfig({
  plugins: [solid()],
  server: {
    proxy: { "/api": process.env.VERNETZT_API ?? "http://localhost:3000" },
  },
  build: {
    target: "es2022",
  },
});
