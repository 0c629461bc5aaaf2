import { defineMessages } from './i18n.js';

/**
 * Help texts of the global options and of the commands and options added after the core
 * (`--quiet`, `start --format`, `playbooks new`, `completion`, `lessons --json`). cli.ts loads
 * them with the program, so they stay short.
 */
export const tc = defineMessages(
  {
    'option.quiet': 'print only results and errors: no headers, hints or progress',
    'start.format': 'e-mail files to write: md (markdown draft), eml (a draft your mail client opens), or both',
    'playbooks.list.json': 'print JSON: one object per playbook, with its source and, when invalid, its first problem',
    'playbooks.new.description': 'Write a commented starter playbook in your playbooks folder, to edit and run.',
    'playbooks.new.id': 'the new playbook\'s id: lowercase letters, digits or -',
    'playbooks.new.kind': 'crisis, prevention or followup',
    'completion.description': 'Print a shell completion script for calmclient.',
    'completion.shell': 'bash, zsh or fish',
    'lessons.json': 'print JSON: one object per lesson, with its session id, client, kind and date',
  },
  {
    'option.quiet': 'n\'afficher que les résultats et les erreurs : ni en-têtes, ni conseils, ni progression',
    'start.format': 'fichiers d\'e-mail à écrire : md (brouillon markdown), eml (brouillon que votre messagerie ouvre) ou both (les deux)',
    'playbooks.list.json': 'sortie JSON : un objet par playbook, avec sa source et, s\'il est invalide, son premier problème',
    'playbooks.new.description': 'Écrire un playbook de départ commenté dans votre dossier de playbooks, à modifier puis lancer.',
    'playbooks.new.id': 'l\'identifiant du nouveau playbook : minuscules, chiffres ou -',
    'playbooks.new.kind': 'crisis (crise), prevention (prévention) ou followup (suivi)',
    'completion.description': 'Afficher un script de complétion de calmclient pour le shell.',
    'completion.shell': 'bash, zsh ou fish',
    'lessons.json': 'sortie JSON : un objet par leçon, avec l\'id de sa session, le client, le type et la date',
  },
);
