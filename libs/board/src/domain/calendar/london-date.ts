export { londonDateOf } from '#kernel';
