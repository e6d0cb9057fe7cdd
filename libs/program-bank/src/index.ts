export * from './program-bank.module';
export * from './program-bank.repository';
export * from './commands/program-bank.commands';
export * from './queries/program-bank.query';
export * from './queries/program-offers.query';
