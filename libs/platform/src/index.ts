export * from './domain/decider.js';
export * from './domain/domain-errors.js';
export * from './config/app-config.js';
export * from './logging/logger.js';
export * from './http/problem-details.js';
export * from './http/problem-details.filter.js';
export * from './http/validation.js';
export * from './clock.js';
