// The Chromium flags proven on these machines (../shared/TOOLCHAIN.md): software WebGL through
// SwiftShader for MapLibre, no sandbox in containers, nothing that reaches the network by itself.
// Shared by the Playwright config and the benchmarks.
export const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--enable-unsafe-swiftshader',
	'--use-angle=swiftshader',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-dev-shm-usage'
];
