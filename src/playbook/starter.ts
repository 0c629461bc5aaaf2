import type { Lang, PlaybookKind } from '../types.js';

/**
 * The commented starter file `calmclient playbooks new` writes: a small, valid playbook that uses
 * each kind of step once, a condition, the session record and both templates, so that a user
 * learns the format by changing it. A test loads every kind in both languages.
 */

export interface StarterInput {
  id: string;
  lang: Lang;
  kind: PlaybookKind;
  /** Where editors find the JSON Schema (the modeline on the first line). */
  schema: string;
  /** The installed docs/playbook-format.md, for the reader. */
  formatDoc: string;
}

/** Template values that only some commands provide (see docs/playbook-format.md). */
const KIND_NAMES: Record<PlaybookKind, string> = {
  crisis: '',
  prevention: '{{mission}}',
  followup: '{{promise}}, {{promise_date}}',
};

export function starterPlaybook({ id, lang, kind, schema, formatDoc }: StarterInput): string {
  return STARTERS[lang]({ id, kind, schema, formatDoc, extra: KIND_NAMES[kind] });
}

interface Fill extends Omit<StarterInput, 'lang'> {
  extra: string;
}

function english({ id, kind, schema, formatDoc, extra }: Fill): string {
  return `# yaml-language-server: $schema=${schema}
# A calmclient playbook of your own. The format: ${formatDoc}
# Check it:  calmclient playbooks validate <this file>
# See it:    calmclient playbooks show ${id} --lang en
format: 1
id: ${id}  # the file name without .yaml: keep them the same
kind: ${kind}  # crisis | prevention | followup
lang: en  # the folder this file sits in (en/ or fr/) says the same
title: My own playbook
description: >
  One paragraph shown under the title when the playbook starts: say which
  situation it is for.

# Steps run in order. Each one has an id (snake_case, unique) and a type:
# advice, input, text, confirm, select, checkbox or date.
steps:
  - id: breathe
    type: advice           # a card to read; Enter goes on
    title: Breathe first
    now: Take one slow breath before you say a word.   # what to do now, one line
    text: |
      One slow breath before you say a word.
    tips:
      - Keep your voice low and slow.

  - id: client_words
    type: text             # several lines; an empty line finishes
    title: Their words
    now: Note their own words, not your reading of them.
    message: What did the client say? One point per line.
    help: >                # the reasons, shown on demand (? during the call)
      Their exact words will help you more later than your impression.

  - id: fault
    type: select           # one choice in a list
    message: Where does the problem come from?
    choices:
      - value: mine        # what answers files and templates use
        label: My side     # what you see
        tip: Say so plainly, and apologise once.
      - value: theirs
        label: Their side

  - id: apology
    type: input            # one line of text
    message: Your apology, in one sentence
    when: { step: fault, equals: mine }   # asked only when this holds
    required: false

  - id: next_call
    type: date             # 2026-11-25, tomorrow, +3...
    message: When do you call them back?
    default: +1d
    future: true

# What the session record keeps beyond the documents.
record:
  next_contact: next_call

# Mustache templates. {{client}}, {{today}}, {{ID}} (the answer to step ID),
# {{#is.ID.VALUE}}...{{/is.ID.VALUE}} (shown when step ID has VALUE)${extra ? `, and for a ${kind}
# playbook ${extra}` : ''}.
templates:
  recap:
    text: |
      # {{client}}, {{today}}

      ## What they said
      {{#lines.client_words}}
      > {{.}}
      {{/lines.client_words}}

      ## Next call
      {{next_call}}
  email:
    subject: "Following our call"
    body:
      text: |
        Hello {{client}},

        Thank you for your time on the phone today.
        {{#apology}}

        {{apology}}
        {{/apology}}

        I will call you on {{next_call}}.

        Best regards,
`;
}

function french({ id, kind, schema, formatDoc, extra }: Fill): string {
  return `# yaml-language-server: $schema=${schema}
# Votre propre playbook calmclient. Le format (en anglais) : ${formatDoc}
# Le vérifier : calmclient playbooks validate <ce fichier>
# Le voir :     calmclient playbooks show ${id} --lang fr
format: 1
id: ${id}  # le nom du fichier sans .yaml : gardez les deux identiques
kind: ${kind}  # crisis (crise) | prevention (prévention) | followup (suivi)
lang: fr  # le dossier de ce fichier (en/ ou fr/) dit la même chose
title: Mon playbook
description: >
  Un paragraphe affiché sous le titre au lancement du playbook : dites à
  quelle situation il sert.

# Les étapes s'enchaînent dans l'ordre. Chacune a un id (snake_case, unique) et un type :
# advice, input, text, confirm, select, checkbox ou date.
steps:
  - id: respirer
    type: advice           # une carte à lire ; Entrée pour continuer
    title: D'abord respirer
    now: Une respiration lente avant de dire un mot.   # quoi faire maintenant, une ligne
    text: |
      Une respiration lente avant de dire un mot.
    tips:
      - Gardez une voix basse et posée.

  - id: paroles_client
    type: text             # plusieurs lignes ; une ligne vide termine
    title: Ses mots
    now: Notez ses mots à lui, pas votre interprétation.
    message: Qu'a dit le client ? Un point par ligne.
    help: >                # le pourquoi, affiché à la demande (? pendant l'appel)
      Ses mots exacts vous serviront plus tard bien mieux que votre impression.

  - id: origine
    type: select           # un choix dans une liste
    message: D'où vient le problème ?
    choices:
      - value: moi         # ce qu'utilisent les fichiers de réponses et les modèles
        label: De mon côté # ce que vous voyez
        tip: Dites-le simplement, et excusez-vous une fois.
      - value: client
        label: De son côté

  - id: excuses
    type: input            # une ligne de texte
    message: Vos excuses, en une phrase
    when: { step: origine, equals: moi }   # posée seulement dans ce cas
    required: false

  - id: rappel
    type: date             # 2026-11-25, demain, +3...
    message: Quand le rappelez-vous ?
    default: +1d
    future: true

# Ce que l'enregistrement de la session garde en plus des documents.
record:
  next_contact: rappel

# Modèles Mustache. {{client}}, {{today}}, {{ID}} (la réponse à l'étape ID),
# {{#is.ID.VALEUR}}...{{/is.ID.VALEUR}} (affiché quand l'étape ID vaut VALEUR)${extra ? `, et pour un
# playbook ${kind} ${extra}` : ''}.
templates:
  recap:
    text: |
      # {{client}}, {{today}}

      ## Ce qu'il a dit
      {{#lines.paroles_client}}
      > {{.}}
      {{/lines.paroles_client}}

      ## Prochain appel
      {{rappel}}
  email:
    subject: "Suite à notre appel"
    body:
      text: |
        Bonjour {{client}},

        Merci pour le temps que vous m'avez accordé au téléphone aujourd'hui.
        {{#excuses}}

        {{excuses}}
        {{/excuses}}

        Je vous appellerai le {{rappel}}.

        Bien cordialement,
`;
}

const STARTERS: Record<Lang, (fill: Fill) => string> = { en: english, fr: french };
