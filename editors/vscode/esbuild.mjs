// Bundles the extension and vscode-languageclient into one CommonJS file (dist/extension.js).
import * as esbuild from 'esbuild';

const production = !process.argv.includes('--dev');
await esbuild.build({
  entryPoints: ['src/extension.ts'],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outfile: 'dist/extension.js',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
});
