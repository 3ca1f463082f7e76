/**
 * DOM helpers for Internet Explorer 11 too: it has no Element.append, replaceChildren or
 * Blob.arrayBuffer, so the pane uses these instead.
 */

/** Removes every child of `el`. */
export function clearChildren(el: Node): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** Appends nodes and texts to `el`, in order. */
export function appendAll(el: Node, ...children: (Node | string)[]): void {
  const doc = el.ownerDocument ?? (el as Document);
  for (const c of children) el.appendChild(typeof c === 'string' ? doc.createTextNode(c) : c);
}

/** A picked file's bytes: Blob.arrayBuffer where the webview has it, else FileReader. */
export function readFileBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof (file as { arrayBuffer?: unknown }).arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsArrayBuffer(file);
  });
}
