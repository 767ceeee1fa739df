/** Id of the input of a cell (unique in the page), e.g. `ed-applications-total-naturalPerson`. */
export function inputIdOf(pointer: string): string {
  return `ed${pointer.replace(/\//g, "-").replace(/[^A-Za-z0-9_-]/g, "_")}`;
}
