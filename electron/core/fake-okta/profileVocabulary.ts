// Word lists the fake org draws people, departments, groups and cities from (plain data, no logic).

export const FIRST_NAMES: readonly string[] = [
  'Alice', 'Bob', 'Carol', 'David', 'Emma', 'Farid', 'Grace', 'Hiro', 'Isabel', 'Jamal',
  'Kateryna', 'Liam', 'Mei', 'Noah', 'Olivia', 'Pedro', 'Quinn', 'Rahul', 'Sofia', 'Tomás',
  'Uma', 'Victor', 'Wanjiru', 'Xavier', 'Yuki', 'Zoë', 'Aarav', 'Beatriz', 'Chloé', 'Dmitri',
  'Elif', 'François', 'Giulia', 'Hannah', 'Ibrahim', 'Jonas', 'Kwame', 'Lucía', 'Mateo', 'Nadia',
  'Oskar', 'Priya', 'Rosa', 'Søren', 'Thandiwe', 'Łukasz', 'Amara', 'Benjamin', 'Camille', 'Diego',
  'Esther', 'Felix', 'Gabriel', 'Helena', 'Ines', 'Jun', 'Karin', 'Leila', 'Marcus', 'Nora',
];

export const LAST_NAMES: readonly string[] = [
  'Smith', 'Johnson', 'Garcia', 'Nguyen', 'Müller', "O'Brien", 'Kowalski', 'Tanaka', 'Okafor', 'Rossi',
  'Dubois', 'Hernández', 'Khan', 'Ivanova', 'Silva', 'Andersson', 'Cohen', 'Patel', 'Kim', 'Lee',
  'Brown', 'Martin', 'Novak', 'Yilmaz', 'Mensah', 'Fischer', 'Moreau', 'Schmidt', 'Costa', 'Haddad',
  'Van der Berg', 'De la Cruz', 'Nakamura', 'Ferreira', 'Larsen', 'Popescu', 'Walker', 'Wright', 'Young', 'Zhou',
  'Singh', 'Lopez', 'Clark', 'Lewis', 'Hall', 'Allen', 'Scott', 'Adams', 'Baker', 'Nelson',
];

export const DEPARTMENTS: readonly string[] = [
  'Engineering', 'Sales', 'Marketing', 'Finance', 'Human Resources', 'Legal', 'Support',
  'IT', 'Operations', 'Product', 'Security', 'Facilities',
];

export const TITLE_LEVELS: readonly string[] = ['Associate', 'Specialist', 'Senior', 'Lead', 'Manager', 'Director'];

export const TITLE_ROLES: Readonly<Record<string, readonly string[]>> = {
  Engineering: ['Software Engineer', 'Site Reliability Engineer', 'QA Engineer', 'Architect'],
  Sales: ['Account Executive', 'Sales Engineer', 'Sales Development Rep'],
  Marketing: ['Content Strategist', 'Designer', 'Campaign Manager'],
  Finance: ['Accountant', 'Financial Analyst', 'Controller'],
  'Human Resources': ['Recruiter', 'HR Business Partner', 'People Ops'],
  Legal: ['Counsel', 'Paralegal', 'Compliance Analyst'],
  Support: ['Support Engineer', 'Customer Success Manager'],
  IT: ['Systems Administrator', 'Identity Engineer', 'Help Desk Technician'],
  Operations: ['Operations Analyst', 'Program Manager'],
  Product: ['Product Manager', 'UX Researcher'],
  Security: ['Security Analyst', 'Security Engineer'],
  Facilities: ['Facilities Coordinator', 'Office Manager'],
};

export const LOCATIONS: readonly { city: string; countryCode: string; timezone: string; locale: string }[] = [
  { city: 'San Francisco', countryCode: 'US', timezone: 'America/Los_Angeles', locale: 'en_US' },
  { city: 'New York', countryCode: 'US', timezone: 'America/New_York', locale: 'en_US' },
  { city: 'London', countryCode: 'GB', timezone: 'Europe/London', locale: 'en_GB' },
  { city: 'Berlin', countryCode: 'DE', timezone: 'Europe/Berlin', locale: 'de_DE' },
  { city: 'Bengaluru', countryCode: 'IN', timezone: 'Asia/Kolkata', locale: 'en_IN' },
  { city: 'Tokyo', countryCode: 'JP', timezone: 'Asia/Tokyo', locale: 'ja_JP' },
  { city: 'São Paulo', countryCode: 'BR', timezone: 'America/Sao_Paulo', locale: 'pt_BR' },
  { city: 'Nairobi', countryCode: 'KE', timezone: 'Africa/Nairobi', locale: 'en_KE' },
];

export const GROUP_THEMES: readonly string[] = [
  'Leads', 'All Staff', 'Contractors', 'On-Call', 'Approvers', 'Interns', 'Managers', 'Readers',
  'Admins', 'Project Falcon', 'Project Atlas', 'Office Berlin', 'Office Tokyo', 'Remote', 'VPN Users',
  'Beta Testers', 'Auditors', 'Guild: Frontend', 'Guild: Data', 'Wellness Committee',
];

export const AD_GROUP_SUFFIXES: readonly string[] = ['RW', 'RO', 'Users', 'Admins', 'FileShare', 'VPN', 'Print'];

export const CUSTOM_ROLE_DEFINITIONS: readonly { label: string; description: string }[] = [
  { label: 'UserCreator', description: 'Create users and reset their passwords' },
  { label: 'GroupMembershipManager', description: 'Manage membership of delegated groups' },
  { label: 'App Auditor, read-only', description: 'Read app assignments for quarterly "access review"' },
  { label: 'Helpdesk Tier 2', description: 'Unlock users and reset factors' },
];

export const SECURITY_QUESTIONS: readonly { question: string; questionText: string }[] = [
  { question: 'favorite_art_piece', questionText: 'What is your favorite piece of art?' },
  { question: 'disliked_food', questionText: 'What is the food you least liked as a child?' },
  { question: 'first_computer_game', questionText: 'What was the first computer game you played?' },
  { question: 'favorite_vacation_location', questionText: 'Where did you go for your favorite vacation?' },
];
