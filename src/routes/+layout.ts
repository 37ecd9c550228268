// A static site: every page is prerendered as a shell and rendered in the browser, where
// DuckDB-WASM does the data work.
export const prerender = true;
export const ssr = false;
export const trailingSlash = 'always';
