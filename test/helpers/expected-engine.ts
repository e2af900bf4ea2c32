/** The parser engine a test process should see: the vitest project sets DOCKGUARD_PARSER=wasm for the fallback's run. */
export const EXPECTED_ENGINE: 'native' | 'wasm' = process.env.DOCKGUARD_PARSER === 'wasm' ? 'wasm' : 'native';
