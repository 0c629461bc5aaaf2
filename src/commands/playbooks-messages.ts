import { defineMessages } from '../i18n.js';

/** Messages of `playbooks list` about where playbooks come from, and of `playbooks new`. */
export const tp = defineMessages(
  {
    'column.source': 'SOURCE',
    'source.user': 'yours',
    'source.builtin': 'built-in',
    'source.replaced': 'built-in, replaced by yours',
    'invalid': 'invalid: {message}',
    'new.badId': 'invalid playbook id "{id}": use lowercase letters, digits or -, starting with a letter',
    'new.badKind': 'unknown kind "{kind}": use one of {kinds}',
    'new.reserved': '"{id}" names other data than a playbook; pick another id',
    'new.exists': '{file} already exists and calmclient never overwrites a playbook: edit that file, or pick another id',
    'new.written': 'Starter playbook written. Edit it, then check it and run it:',
    'new.replaces': 'Being yours, it replaces the built-in playbook "{id}" ({lang}) for --playbook {id}.',
    'new.editor': 'Editors with a YAML language server complete and check it as you type: see {file}',
  },
  {
    'column.source': 'SOURCE',
    'source.user': 'le vôtre',
    'source.builtin': 'intégré',
    'source.replaced': 'intégré, remplacé par le vôtre',
    'invalid': 'invalide : {message}',
    'new.badId': 'identifiant de playbook « {id} » invalide : minuscules, chiffres ou -, en commençant par une lettre',
    'new.badKind': 'type « {kind} » inconnu : utilisez {kinds}',
    'new.reserved': '« {id} » désigne d\'autres données qu\'un playbook ; choisissez un autre identifiant',
    'new.exists': '{file} existe déjà et calmclient n\'écrase jamais un playbook : modifiez ce fichier, ou choisissez un autre identifiant',
    'new.written': 'Playbook de départ écrit. Modifiez-le, puis vérifiez-le et lancez-le :',
    'new.replaces': 'Comme il est à vous, il remplace le playbook intégré « {id} » ({lang}) pour --playbook {id}.',
    'new.editor': 'Les éditeurs dotés d\'un serveur de langage YAML le complètent et le vérifient à la frappe : voir {file} (en anglais)',
  },
);
