// The matcher's public surface: the vocabulary (types.ts), the native matcher's facade, its
// fast-path encoder and event reader, and the core benchmark hooks.
export * from './types';
export { NativeMatcher, type NativeMatcherOptions } from './native-matcher';
export { CommandEncoder, encodeCommands } from './command-buffer';
export { EventReader } from './event-buffer';
export { loadNativeAddon, type CoreLatency, type CoreThroughput, type NativeAddon } from './native-addon';
