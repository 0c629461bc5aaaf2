import { dirname, join } from 'node:path';
import type { AnswerValue } from '../engine/answers.js';
import type { Prompter, StepContext } from '../engine/run.js';
import { InputError, isCalmError, type SourceProblem } from '../errors.js';
import { catalogue, t } from '../i18n/catalogue.js';
import type { Playbook, QuestionStep } from '../playbook/schema.js';
import type { AnswersFile } from '../prompters/scripted.js';
import { HAS_REGISTER, type DocumentPeople } from '../render/context.js';
import { clientPath, findClient, REGISTERS, saveClient, type ClientFile, type Contact, type Register } from '../store/clients.js';
import { notWritable } from '../store/files.js';
import { isPhone, normaliseProfileValue, PROFILE_FILE, readProfile, signatureOf, writeProfile, type Profile, type ProfileKey } from '../store/profile.js';
import { printInfo, style, wrap } from '../terminal/output.js';
import { parseMailbox } from '../text/email-address.js';
import type { Lang } from '../types.js';

/**
 * The people of a walked session, beside the playbook's own steps: the client's contact person
 * (greeted by name, written to in `To:`, called back), how a French client is addressed (tu or
 * vous), and the user who signs (their profile). What calmclient already knows is not asked
 * again: the contact comes from the client's file, the signature from the profile. An interactive
 * run asks what is missing with as little as possible during the call: only the contact's name
 * before the first question; their e-mail address, phone, tu or vous and the user's profile once the
 * call is over and the e-mail is about to be written. A run from an answers file reads them from it (`contact`, `contact_email`,
 * `contact_phone`, `register`, `signature`, `my_name`, `my_email`, `my_phone`) and never asks.
 */

const m = catalogue({
  contactTitle: { en: 'Your contact', fr: 'Votre interlocuteur' },
  contact: {
    en: 'Who are you dealing with at {client}? The name you greet them by, e.g. Sophie (optional)',
    fr: 'Qui est votre interlocuteur chez {client} ? Le nom par lequel vous saluez cette personne, ex. Sophie (facultatif)',
  },
  contactHelp: {
    en: 'calmclient remembers it for {client}: the emails will greet them by name.',
    fr: 'calmclient s\'en souviendra pour {client} : les e-mails salueront cette personne par son nom.',
  },
  detailsTitle: { en: 'For the email to {who}', fr: 'Pour l\'e-mail à {who}' },
  detailsIntro: {
    en: 'The call is over. A few details for the documents, asked only this once.',
    fr: 'L\'appel est terminé. Quelques précisions pour les documents, demandées cette fois seulement.',
  },
  contactEmail: { en: 'Email address of {who}, for the draft\'s To: line (optional)', fr: 'Adresse e-mail de {who}, pour le destinataire du brouillon (facultatif)' },
  contactPhone: { en: 'Phone number of {who}, for the calendar reminder (optional)', fr: 'Numéro de téléphone de {who}, pour le rappel dans l\'agenda (facultatif)' },
  register: { en: 'In the email, do you address {who} as vous or tu?', fr: 'Dans l\'e-mail, vous vouvoyez ou tutoyez {who} ?' },
  vous: { en: 'Vous', fr: 'Vous' },
  vousHint: { en: 'The formal address', fr: 'Le vouvoiement, la règle par défaut' },
  tu: { en: 'Tu', fr: 'Tu' },
  tuHint: { en: 'The familiar address', fr: 'Le tutoiement, si vous vous tutoyez déjà' },
  remembered: { en: 'Contact at {client}: {contact}', fr: 'Interlocuteur chez {client} : {contact}' },
  rememberedVous: { en: '{contact}, vous', fr: '{contact}, vouvoiement' },
  rememberedTu: { en: '{contact}, tu', fr: '{contact}, tutoiement' },
  noContact: { en: 'not named', fr: 'non précisé' },
  profileTitle: { en: 'Your signature', fr: 'Votre signature' },
  profileIntro: {
    en: 'The email needs your signature. Asked once: calmclient keeps it in your profile ("calmclient config list").',
    fr: 'L\'e-mail a besoin de votre signature. Question posée une seule fois : calmclient la garde dans votre profil (« calmclient config list »).',
  },
  name: { en: 'Your name, to sign your emails', fr: 'Votre nom, pour signer vos e-mails' },
  email: { en: 'Your email address, for the draft\'s From: line (optional)', fr: 'Votre adresse e-mail, pour l\'expéditeur du brouillon (facultatif)' },
  phone: {
    en: 'Your phone number, so the client knows where to reach you (optional)',
    fr: 'Votre numéro de téléphone, pour que le client sache où vous joindre (facultatif)',
  },
  saved: {
    en: 'Saved in your profile. To change it: calmclient config set KEY VALUE',
    fr: 'Enregistré dans votre profil. Pour le modifier : calmclient config set CLÉ VALEUR',
  },
  badEmail: {
    en: '"{value}" is not an email address (example: sophie@example.com). Leave it empty to skip.',
    fr: '« {value} » n\'est pas une adresse e-mail (exemple : sophie@exemple.fr). Laissez vide pour passer.',
  },
  badPhone: {
    en: '"{value}" is not a phone number (digits, spaces, + . - ( ) only). Leave it empty to skip.',
    fr: '« {value} » n\'est pas un numéro de téléphone (chiffres, espaces, + . - ( ) seulement). Laissez vide pour passer.',
  },
  keyText: { en: '{key}: expected text', fr: '{key} : du texte est attendu' },
  keyEmail: {
    en: '{key}: "{value}" is not an email address (example: sophie@example.com)',
    fr: '{key} : « {value} » n\'est pas une adresse e-mail (exemple : sophie@exemple.fr)',
  },
  keyPhone: {
    en: '{key}: "{value}" is not a phone number (digits, spaces, + . - ( ) only)',
    fr: '{key} : « {value} » n\'est pas un numéro de téléphone (chiffres, espaces, + . - ( ) seulement)',
  },
  keyRegister: { en: 'register: "{value}" must be tu or vous', fr: 'register : « {value} » doit valoir tu ou vous' },
  noSignature: {
    en: '{file}: the email needs your signature and your profile has none. Add "signature: Your Name" to the file, or once for all: calmclient config set name "Your Name"',
    fr: '{file} : l\'e-mail a besoin de votre signature et votre profil n\'en a pas. Ajoutez « signature: Votre Nom » au fichier, ou une fois pour toutes : calmclient config set name "Votre Nom"',
  },
});

/** Who a session's documents are between, and how to keep what was learnt about them. */
export interface SessionPeople {
  /** The client's name as first entered (the documents use it). */
  client: string;
  contact: Contact;
  /** French only. */
  register: Register | undefined;
  /** The user's profile (with what the answers file adds for this run). */
  sender: Profile;
}

/** The values the renderers take. */
export function documentPeople(people: Pick<SessionPeople, 'contact' | 'register' | 'sender'>): DocumentPeople {
  const signature = signatureOf(people.sender);
  return {
    contact: people.contact,
    register: people.register,
    sender: {
      name: people.sender.name,
      email: people.sender.email,
      phone: people.sender.phone,
      ...(signature === undefined ? {} : { signature }),
    },
  };
}

/** The client's name as its file spells it (the spelling first entered), or as typed. */
export function canonicalClient(root: string, typed: string, lang: Lang): string {
  return findClient(root, typed, lang)?.name ?? typed.trim();
}

/**
 * A playbook signs with the profile when its templates use `{{signature}}` and it does not ask for
 * a signature itself (as playbooks written before the profile did).
 */
export function needsSignature(playbook: Pick<Playbook, 'steps' | 'templates'>): boolean {
  const { recap, emailBody, emailSubject } = playbook.templates;
  const used = /\{\{\s*signature\s*\}\}/.test(`${recap}${emailBody}${emailSubject}`);
  return used && !playbook.steps.some((step) => step.id === 'signature');
}

/** What is known without asking: the client's file and the profile (for `recap`, which re-renders). */
export function knownPeople(root: string, configDir: string, client: string, lang: Lang): SessionPeople {
  return peopleOf(findClient(root, client, lang), client, readProfile(configDir, lang));
}

/** The people a client's file (if any) and the profile say. */
function peopleOf(file: ClientFile | undefined, client: string, sender: Profile): SessionPeople {
  return { client: file?.name ?? client, contact: file?.contact ?? {}, register: file?.register, sender };
}

/**
 * Saves the contact and register in the client's file, keeping the name first entered. `asked`: the
 * user was asked for the contact, so an empty one is kept, as "asked, none given"; `detailsAsked`:
 * the same for the contact's e-mail address and phone.
 */
function rememberClient(root: string, people: SessionPeople, lang: Lang, asked: { contact?: boolean; details?: boolean } = {}): void {
  const known = findClient(root, people.client, lang);
  const given = clean(people.contact);
  // A contact named anew is a new person: the address and phone of the one before are not theirs.
  const renamed = given.name !== undefined && given.name !== known?.contact?.name;
  const contact = renamed ? given : clean({ ...known?.contact, ...given });
  const file: ClientFile = {
    version: 1,
    name: known?.name ?? people.client,
    ...(Object.keys(contact).length > 0 || asked.contact || known?.contact !== undefined ? { contact } : {}),
    ...((people.register ?? known?.register) ? { register: people.register ?? known?.register } : {}),
    ...(asked.details || (known?.detailsAsked && !renamed) ? { detailsAsked: true as const } : {}),
    updatedAt: new Date().toISOString(),
  };
  if (known && JSON.stringify({ ...known, updatedAt: '' }) === JSON.stringify({ ...file, updatedAt: '' })) return;
  keeping(clientPath(root, file.name), lang, () => saveClient(root, file));
}

/**
 * Writes the client's file or the profile; a folder that cannot take it (read-only, full) is the
 * user's to fix, said with the file and the reason, never a crash.
 */
function keeping(file: string, lang: Lang, write: () => void): void {
  try {
    write();
  } catch (error) {
    if (isCalmError(error)) throw error;
    throw notWritable(dirname(file), error, lang);
  }
}

/** Only the fields that hold text: an empty or missing one is left out. */
function clean<K extends string>(value: Partial<Record<K, string | undefined>>): Partial<Record<K, string>> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => typeof field === 'string' && field.trim() !== '')) as Partial<Record<K, string>>;
}

// ---------------------------------------------------------------------------------------------
// From an answers file.

/**
 * The people of a run from an answers file: the file's keys first, then the client's file and the
 * profile. Wrong values are located in the file; a missing signature stops the run (exit 2) once the
 * answers are read (`assertSigned`), it is never asked. `remember` keeps the contact in the client's file and fills what the profile lacked;
 * the caller runs it once the documents are written.
 */
export function scriptedPeople(
  answers: AnswersFile,
  options: { root: string; configDir: string; client: string; lang: Lang; signs: boolean },
): { people: SessionPeople; remember: () => void; assertSigned: () => void } {
  const { root, configDir, lang } = options;
  const known = knownPeople(root, configDir, options.client, lang);
  const problems: SourceProblem[] = [];
  const problem = (key: string, message: string): void => {
    problems.push(answers.source.problemAtPath([key], message));
  };
  const textKey = (key: string): string | undefined => {
    const value = answers.values[key];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string' && typeof value !== 'number') {
      problem(key, t(m.keyText, lang, { key }));
      return undefined;
    }
    const text = String(value).trim();
    return text === '' ? undefined : text;
  };
  const emailKey = (key: string): string | undefined => {
    const value = textKey(key);
    if (value === undefined) return undefined;
    const mailbox = parseMailbox(value);
    if (!mailbox) problem(key, t(m.keyEmail, lang, { key, value }));
    return mailbox?.address;
  };
  const phoneKey = (key: string): string | undefined => {
    const value = textKey(key);
    if (value !== undefined && !isPhone(value)) problem(key, t(m.keyPhone, lang, { key, value }));
    return value;
  };

  const given: Contact = clean({ name: textKey('contact'), email: emailKey('contact_email'), phone: phoneKey('contact_phone') });
  const registerText = textKey('register')?.toLowerCase();
  if (registerText !== undefined && !(REGISTERS as readonly string[]).includes(registerText))
    problem('register', t(m.keyRegister, lang, { value: registerText }));
  const register = (REGISTERS as readonly string[]).includes(registerText ?? '') ? (registerText as Register) : undefined;

  const fromFile: Profile = clean({ name: textKey('my_name'), email: emailKey('my_email'), phone: phoneKey('my_phone'), signature: textKey('signature') });
  if (problems.length > 0) throw new InputError(problems[0]?.message ?? '', problems);
  const sender: Profile = { ...known.sender, ...fromFile };

  // A contact named in the file replaces the one remembered, address and phone included.
  const contact: Contact = given.name !== undefined && given.name !== known.contact.name ? given : { ...known.contact, ...given };
  const people: SessionPeople = { client: known.client, contact, register: register ?? known.register, sender };
  return {
    people,
    // Said after the missing answers, if any: those come first, as they always have.
    assertSigned: () => {
      if (options.signs && signatureOf(sender) === undefined) throw new InputError(t(m.noSignature, lang, { file: answers.file }));
    },
    remember: () => {
      rememberClient(root, people, lang);
      const profile = readProfile(configDir, lang);
      const missing = (Object.keys(fromFile) as ProfileKey[]).filter((key) => profile[key] === undefined);
      if (missing.length > 0)
        keeping(join(configDir, PROFILE_FILE), lang, () => writeProfile(configDir, { ...profile, ...Object.fromEntries(missing.map((key) => [key, fromFile[key]])) }));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// In a terminal.

type Asker = Pick<Prompter, 'ask'>;

/** These questions are not steps of the playbook: no "step 3/21" counter for them, and nothing to go back to. */
const OUTSIDE_PLAYBOOK: StepContext = { progress: { index: 0, total: 0 }, trail: [], canGoBack: false };

const ask = async (prompter: Asker, step: QuestionStep, context: StepContext): Promise<AnswerValue | undefined> => {
  const answer = await prompter.ask(step, context);
  // Going back is not offered here (canGoBack is false): a prompter that still says so gets no answer.
  return typeof answer === 'symbol' ? undefined : answer;
};

/**
 * Asks a question whose answer `check` must accept, or left empty (undefined). The prompter says the
 * problem where the answer is typed (StepContext.check); one that does not check is asked again.
 */
async function askChecked(
  prompter: Asker,
  step: Extract<QuestionStep, { type: 'input' }>,
  check: (value: string) => string | undefined,
): Promise<string | undefined> {
  for (;;) {
    const answer = await ask(prompter, step, { ...OUTSIDE_PLAYBOOK, check });
    if (typeof answer !== 'string' || answer.trim() === '') return undefined;
    if (check(answer.trim()) === undefined) return answer.trim();
  }
}

/**
 * The contact's name before the first question: said when remembered, asked (optional) the first
 * time a client is met, and kept at once so that a resumed session finds it. One question only: the
 * user may already be on the phone.
 */
export async function askContact(prompter: Asker, options: { root: string; configDir: string; client: string; lang: Lang }): Promise<SessionPeople> {
  const { root, lang } = options;
  const file = findClient(root, options.client, lang);
  const known = peopleOf(file, options.client, readProfile(options.configDir, lang));
  const client = known.client;
  // A contact skipped once is not asked again: the file keeps an empty contact for it.
  if (file?.contact !== undefined) {
    const name = file.contact.name ?? t(m.noContact, lang);
    const shown = known.register === undefined || !HAS_REGISTER[lang] ? name : t(known.register === 'tu' ? m.rememberedTu : m.rememberedVous, lang, { contact: name });
    printInfo(style.dim(wrap(t(m.remembered, lang, { client, contact: shown }))));
    printInfo('');
    return known;
  }
  const name = await ask(
    prompter,
    { id: 'contact', type: 'input', title: t(m.contactTitle, lang), required: false, message: t(m.contact, lang, { client }), help: t(m.contactHelp, lang, { client }) },
    OUTSIDE_PLAYBOOK,
  );
  const people: SessionPeople = { ...known, client, contact: clean({ name: typeof name === 'string' ? name.trim() : undefined }) };
  rememberClient(root, people, lang, { contact: true });
  return people;
}

/**
 * Once the call is over, before the e-mail is written: the contact's e-mail address and phone (asked
 * once per client, both optional) and, in French, tu or vous (asked until answered: every French
 * e-mail needs it). Kept in the client's file.
 */
export async function askContactDetails(prompter: Asker, options: { root: string; people: SessionPeople; lang: Lang }): Promise<SessionPeople> {
  const { root, people, lang } = options;
  const file = findClient(root, people.client, lang);
  const contact = { ...file?.contact, ...people.contact };
  const askDetails = file?.detailsAsked !== true && contact.email === undefined && contact.phone === undefined;
  const askRegister = HAS_REGISTER[lang] && people.register === undefined;
  if (!askDetails && !askRegister) return people;
  const who = contact.name ?? people.client;
  const title = t(m.detailsTitle, lang, { who });
  let updated: SessionPeople = { ...people, contact };
  if (askDetails) {
    const now = t(m.detailsIntro, lang);
    const email = await askChecked(prompter, { id: 'contact_email', type: 'input', title, now, required: false, message: t(m.contactEmail, lang, { who }) }, (value) =>
      parseMailbox(value) ? undefined : t(m.badEmail, lang, { value }),
    );
    const phone = await askChecked(prompter, { id: 'contact_phone', type: 'input', title, required: false, message: t(m.contactPhone, lang, { who }) }, (value) =>
      isPhone(value) ? undefined : t(m.badPhone, lang, { value }),
    );
    updated = { ...updated, contact: clean({ ...contact, email: email && parseMailbox(email)?.address, phone }) };
  }
  if (askRegister) {
    const picked = await ask(
      prompter,
      {
        id: 'register',
        type: 'select',
        title,
        message: t(m.register, lang, { who }),
        default: 'vous',
        choices: [
          { value: 'vous', label: t(m.vous, lang), hint: t(m.vousHint, lang) },
          { value: 'tu', label: t(m.tu, lang), hint: t(m.tuHint, lang) },
        ],
      },
      OUTSIDE_PLAYBOOK,
    );
    updated = { ...updated, register: picked === 'tu' ? 'tu' : 'vous' };
  }
  rememberClient(root, updated, lang, { details: askDetails });
  return updated;
}

/**
 * The user's profile once the e-mail is about to be written: asked the first time (name, then
 * optionally e-mail and phone), then kept; the signature is the name until `config set signature`.
 */
export async function askProfile(prompter: Asker, options: { configDir: string; lang: Lang; signs: boolean }): Promise<Profile> {
  const { configDir, lang } = options;
  const profile = readProfile(configDir, lang);
  if (!options.signs || signatureOf(profile) !== undefined) return profile;
  printInfo(style.bold(wrap(t(m.profileIntro, lang))));
  const title = t(m.profileTitle, lang);
  const name = await ask(prompter, { id: 'name', type: 'input', title, message: t(m.name, lang) }, OUTSIDE_PLAYBOOK);
  const email = await askChecked(prompter, { id: 'email', type: 'input', title, required: false, message: t(m.email, lang) }, (value) =>
    parseMailbox(value) ? undefined : t(m.badEmail, lang, { value }),
  );
  const phone = await askChecked(prompter, { id: 'phone', type: 'input', title, required: false, message: t(m.phone, lang) }, (value) =>
    isPhone(value) ? undefined : t(m.badPhone, lang, { value }),
  );
  const updated: Profile = { ...profile };
  if (typeof name === 'string' && name.trim() !== '') updated.name = normaliseProfileValue('name', name, lang);
  if (email) updated.email = normaliseProfileValue('email', email, lang);
  if (phone) updated.phone = normaliseProfileValue('phone', phone, lang);
  keeping(join(configDir, PROFILE_FILE), lang, () => writeProfile(configDir, updated));
  printInfo(style.dim(wrap(t(m.saved, lang))));
  printInfo('');
  return updated;
}
