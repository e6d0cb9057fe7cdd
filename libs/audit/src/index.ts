export * from './audit.module';
export * from './integrity/chain-sealer';
export * from './integrity/chain-verifier';
export * from './integrity/integrity.config';
export * from './integrity/verification-statement.html';
export * from './integrity/verification.result';
export * from './mentorship-history.query';
export * from './organisation-as-of.query';
