// Awkward text that a real org contains and exports must survive: CSV metacharacters, newlines,
// formula-like prefixes, non-Latin scripts, emoji (incl. ZWJ sequences), tabs and very long values.

/** Builds a deterministic text of at least `minLength` UTF-16 units by repeating a mixed-script sentence. */
export function longText(minLength: number, theme: string): string {
  const sentence =
    `${theme}: quarterly access review, "owner" sign-off; ` + 'Überprüfung — проверка — 審査 — مراجعة — समीक्षा ✅. ';
  const parts: string[] = [];
  let length = 0;
  for (let i = 1; length < minLength; i++) {
    const piece = `[${i}] ${sentence}`;
    parts.push(piece);
    length += piece.length;
  }
  return parts.join('');
}

/** Family emoji: man, woman, girl, boy joined by ZERO WIDTH JOINER (one glyph, seven code points). */
export const ZWJ_FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}';
/** Woman technologist: woman + ZWJ + laptop. */
export const ZWJ_TECHNOLOGIST = '\u{1F469}\u200D\u{1F4BB}';

export interface HardPersonName {
  displayName: string;
  /** Replacement first/last names for the same user, so the profile reads consistently. */
  firstName?: string;
  lastName?: string;
}

/**
 * One user display name per kind of hard string. Placed on ACTIVE users whenever the org has
 * at least 50 users, so every consumer (plain list included) meets each of them.
 */
export const HARD_DISPLAY_NAMES: readonly HardPersonName[] = [
  { displayName: 'Smith, John', firstName: 'John', lastName: 'Smith' },
  { displayName: 'Robert "Bobby" Tables', firstName: 'Robert', lastName: 'Tables' },
  { displayName: 'Ana\nMaría López', firstName: 'Ana María', lastName: 'López' },
  { displayName: 'Wei\r\nZhang', firstName: 'Wei', lastName: 'Zhang' },
  { displayName: '山田 太郎', firstName: '太郎', lastName: '山田' },
  { displayName: 'محمد العلي', firstName: 'محمد', lastName: 'العلي' },
  { displayName: 'Иван Петров', firstName: 'Иван', lastName: 'Петров' },
  { displayName: 'प्रिया शर्मा', firstName: 'प्रिया', lastName: 'शर्मा' },
  { displayName: `Dev ${ZWJ_TECHNOLOGIST} Ops ${ZWJ_FAMILY} 🎉`, firstName: 'Devon', lastName: 'Ops' },
  { displayName: '=SUM(A1:A9)', firstName: 'Sam', lastName: 'Formula' },
  { displayName: '+1 (555) 0100 Contractor', firstName: 'Phil', lastName: 'Plus' },
  { displayName: '-Former Employee-', firstName: 'Minnie', lastName: 'Dash' },
  { displayName: '@handle Jones', firstName: 'Handel', lastName: 'Jones' },
  { displayName: 'Tab\tSeparated Name', firstName: 'Tabitha', lastName: 'Separated' },
  { displayName: `Very Long Name ${longText(1990, 'name')}`.slice(0, 2000), firstName: 'Lang', lastName: 'Name' },
  { displayName: '=HYPERLINK("https://evil.example/?q=1","Click, me")', firstName: 'Hy', lastName: 'Perlink' },
];

export interface HardGroupProfile {
  name: string;
  description: string;
}

/**
 * Group names/descriptions covering every kind of hard string (names alone cover all but length;
 * the last description is over 33,000 characters). Used whenever the org has at least 10 groups.
 */
export const HARD_GROUP_PROFILES: readonly HardGroupProfile[] = [
  { name: '@Sales, EMEA "Key Accounts"', description: 'Quoted "VIP" customers, renewals, upsell' },
  { name: 'Night\nShift', description: 'first line\nsecond line' },
  { name: '-Day\r\nShift', description: 'first line\r\nsecond line' },
  { name: '東京 営業部', description: '東京オフィスの営業チーム' },
  { name: 'فريق المالية', description: 'مجموعة المالية والمحاسبة' },
  { name: 'Отдел кадров', description: 'Управление персоналом' },
  { name: `मानव संसाधन ${ZWJ_FAMILY}`, description: `मानव संसाधन विभाग ${ZWJ_TECHNOLOGIST}` },
  { name: '=SUM(1,2)\tTabbed', description: '=HYPERLINK("https://evil.example","x")' },
  { name: '+Contractors 🚀', description: longText(33_000, 'Contractor access policy') },
];

/** App labels packing every kind of hard string into five apps (used whenever the org has at least 5 apps). */
export const HARD_APP_LABELS: readonly string[] = [
  '=Payroll, "Legacy" Portal',
  '+Sales\n売上ダッシュボード 📊',
  '-Ops\r\nКонсоль',
  '@Finance\tلوحة التحكم',
  `लेखा ${ZWJ_TECHNOLOGIST} Portal`,
];

/** Thresholds from which the hard strings above are guaranteed to be present. */
export const HARD_STRING_MIN_USERS = 50;
export const HARD_STRING_MIN_GROUPS = 10;
export const HARD_STRING_MIN_APPS = 5;
