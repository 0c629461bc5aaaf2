import { defineMessages } from '../i18n.js';

/**
 * Help texts of checklist, followup, history, show, recap and lessons. cli.ts reads them when it
 * registers the commands; the commands themselves still load only when they run.
 */
export const loopHelp = defineMessages(
  {
    'checklist.description': 'Frame a mission before it starts: a framing document and an email that confirms it to the client.',
    'checklist.client': 'the client\'s name; their past incidents and lessons are shown first',
    'checklist.mission': 'the mission\'s name, used in the documents',
    'checklist.playbook': 'a built-in prevention playbook id or a playbook file',
    'followup.description': 'Follow up on a crisis session: what was agreed, how it went, and the session\'s new status.',
    'followup.session': 'the crisis session to follow up (default: the open one; a list to pick from when several are open)',
    'followup.lang': 'language of the follow-up (default: the crisis session\'s)',
    'followup.playbook': 'a built-in follow-up playbook id or a playbook file',
    'answers': 'run without questions, from a YAML or JSON file of answers (step id: answer)',
    'out': 'folder for the documents (default: the recaps folder of the data dir)',
    'history.description': 'List your sessions, newest first, with overdue promises and contacts highlighted.',
    'history.client': 'only this client\'s sessions',
    'history.status': 'only sessions with this status: draft, open, resolved, escalated, lost or done',
    'json': 'print JSON for scripts',
    'show.description': 'Show one session in full: promise, next contact, lesson, files and answers.',
    'show.id': 'a session id, or the start of one',
    'recap.description': 'Write a session\'s recap or email draft again, from its saved answers.',
    'recap.format': 'md: the recap; email: the email draft',
    'recap.out': 'folder for the file (default: the recaps folder of the data dir)',
    'lessons.description': 'What you learned across sessions, newest first.',
    'lessons.client': 'only this client\'s lessons',
  },
  {
    'checklist.description': 'Cadrer une mission avant qu\'elle commence : un document de cadrage et un e-mail qui le confirme au client.',
    'checklist.client': 'le nom du client ; ses incidents passés et les leçons tirées s\'affichent d\'abord',
    'checklist.mission': 'le nom de la mission, repris dans les documents',
    'checklist.playbook': 'l\'identifiant d\'un playbook de prévention intégré ou un fichier de playbook',
    'followup.description': 'Faire le suivi d\'une session de crise : ce qui était convenu, comment ça s\'est passé, et le nouveau statut.',
    'followup.session': 'la session de crise à suivre (par défaut : celle qui est ouverte ; une liste au choix s\'il y en a plusieurs)',
    'followup.lang': 'langue du suivi (par défaut : celle de la session de crise)',
    'followup.playbook': 'l\'identifiant d\'un playbook de suivi intégré ou un fichier de playbook',
    'answers': 'exécuter sans questions, à partir d\'un fichier YAML ou JSON de réponses (id d\'étape : réponse)',
    'out': 'dossier des documents (par défaut : le dossier recaps des données)',
    'history.description': 'Lister vos sessions, des plus récentes aux plus anciennes, promesses et contacts en retard en évidence.',
    'history.client': 'seulement les sessions de ce client',
    'history.status': 'seulement les sessions de ce statut : draft, open, resolved, escalated, lost ou done',
    'json': 'sortie JSON pour les scripts',
    'show.description': 'Afficher une session en entier : promesse, prochain contact, leçon, fichiers et réponses.',
    'show.id': 'un id de session, ou son début',
    'recap.description': 'Réécrire le compte rendu ou le brouillon d\'e-mail d\'une session, à partir de ses réponses enregistrées.',
    'recap.format': 'md : le compte rendu ; email : le brouillon d\'e-mail',
    'recap.out': 'dossier du fichier (par défaut : le dossier recaps des données)',
    'lessons.description': 'Ce que vous avez appris, session après session, des plus récentes aux plus anciennes.',
    'lessons.client': 'seulement les leçons de ce client',
  },
);
