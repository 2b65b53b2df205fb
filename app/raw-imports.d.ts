// `import text from "./file.css?raw"` gives the file's text (see turbopack.rules in next.config.ts).
declare module "*.css?raw" {
  const text: string;
  export default text;
}
