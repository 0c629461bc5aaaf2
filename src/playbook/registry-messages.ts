import { defineMessages } from '../i18n.js';

/** Messages about where playbooks sit: the built-in folder and the user's playbooks folder. */
export const tr = defineMessages(
  {
    'registry.idMismatch': 'the playbook\'s id is "{id}" but its file is named "{name}.yaml": rename one so that they match',
    'registry.stray': 'calmclient does not look here: move this file into the folder of its language ({folders})',
  },
  {
    'registry.idMismatch': 'l\'id du playbook est « {id} » mais son fichier s\'appelle « {name}.yaml » : renommez l\'un des deux',
    'registry.stray': 'calmclient ne regarde pas ici : déplacez ce fichier dans le dossier de sa langue ({folders})',
  },
);
