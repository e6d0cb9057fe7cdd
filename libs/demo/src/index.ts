export * from './demo-kindergarten';
export * from './demo.module';
