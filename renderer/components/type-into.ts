/**
 * Types `text` into a field as the teller would have, up to the field's own length, and says how many characters it
 * had no room for. React's controlled fields only see a change that comes as an input event through the native
 * value setter, so the keys held while a screen or a lookup was not ready go in this way.
 */
export const typeInto = (field: HTMLInputElement | HTMLTextAreaElement, text: string): number => {
  const chars = [...text];
  const room = field.maxLength >= 0 ? Math.max(0, field.maxLength - field.value.length) : chars.length;
  if (chars.length && room) {
    const proto = field instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, field.value + chars.slice(0, room).join(''));
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
  return Math.max(0, chars.length - room);
};

