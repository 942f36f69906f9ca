export * from './sequencer';
export * from './write-ahead-log';
export * from './wal-record';
export * from './replay';
export * from './book-hash';
export * from './verify';
