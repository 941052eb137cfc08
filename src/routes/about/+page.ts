// A page of text with nothing to run: it ships no JavaScript.
export const csr = false;
