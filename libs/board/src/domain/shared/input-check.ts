// The shared kernel's input checks (libs/platform/src/domain/input-check.ts).
export { checkInput, isText, InputCheck, type FieldError } from '#kernel';
