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
    rolldownOptions: {
      output: {
        // Everything the first page needs in one file; lazy pages share one chunk of form helpers.
        codeSplitting: {
          groups: [
            { name: "index", tags: ["$initial"] },
            { name: "shared", test: /src[\\/]components[\\/]/, minShareCount: 2 },
          ],
        },
      },
    },
  },
});
