// Names written the way they are written on paper: "nguyen thi hoa" becomes "Nguyen Thi Hoa"
// (diacritics and all), while a person's own capitals ("H'Hen Nie", "Y Blang", "McKay") stay as
// they typed them.

const LOWER_WORD = /^[\p{Ll}\p{N}'’-]+$/u;

// Upper-cases the first letter of a word and of each part after an apostrophe or a hyphen
// ("h'hen" -> "H'Hen", the Jrai and Bahnar way of writing such names).
function capitaliseWord(word: string): string {
  return word.replace(/(^|['’-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** A person's name with each word capitalised; words already holding a capital are left alone. */
export function personName(name: string): string {
  return name
    .split(' ')
    .map((w) => (LOWER_WORD.test(w) ? capitaliseWord(w) : w))
    .join(' ');
}

/** A collective's name starting with a capital ("hoi phu nu phuong" -> "Hoi phu nu phuong"); anything else stays as typed. */
export function collectiveName(name: string): string {
  return name.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase());
}
