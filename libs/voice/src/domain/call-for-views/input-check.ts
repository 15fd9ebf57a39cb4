// The shared kernel's input checks (libs/platform/src/domain/input-check.ts).
export { charCount, checkInput, isText, InputCheck, type FieldError } from '#kernel';
