const MIN_LENGTH = 32;
const MIN_DISTINCT = 10;
/** Placeholders people type when told to "set a token": never a secret. */
const WEAK_WORDS = ['password', 'passw0rd', 'changeme', 'qwerty', 'secret', 'admin', 'token', 'example', '123456'];
const HOW = 'Задайте случайную строку, например: openssl rand -base64 32';

/**
 * Why `ADMIN_TOKEN` must not be accepted, in Russian for the operator, or `undefined` when it is
 * strong enough: at least 32 printable characters without spaces, not a repetition, a run or a
 * placeholder. The server refuses to start with a weak one (it is a full administrator's key).
 */
export function adminTokenProblem(token: string): string | undefined {
  if (!/^[\x21-\x7e]*$/.test(token)) return `ADMIN_TOKEN: допустимы только печатные символы ASCII без пробелов. ${HOW}`;
  if (token.length < MIN_LENGTH) return `ADMIN_TOKEN слишком короткий: ${token.length} симв., нужно не меньше ${MIN_LENGTH}. ${HOW}`;
  if (new Set(token).size < MIN_DISTINCT || /^(.{1,16}?)\1+$/.test(token)) return `ADMIN_TOKEN слишком простой: в нём повторяются одни и те же символы. ${HOW}`;
  let steps = 0;
  for (let i = 1; i < token.length; i++) if (Math.abs(token.charCodeAt(i) - token.charCodeAt(i - 1)) === 1) steps++;
  if (steps >= (token.length - 1) / 2) return `ADMIN_TOKEN слишком простой: символы идут подряд, как на клавиатуре или в алфавите. ${HOW}`;
  const lower = token.toLowerCase();
  if (WEAK_WORDS.some((w) => lower.includes(w))) return `ADMIN_TOKEN похож на заготовку (содержит слово вроде «password», «admin», «token»). ${HOW}`;
  return undefined;
}
