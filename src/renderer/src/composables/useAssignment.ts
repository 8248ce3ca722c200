import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { Assignment } from '../../../shared/contract/project';
import { setupViolations, type LockViolation } from '../../../shared/projects/assignmentRules';
import { useKeptSession } from './useKeptSession';
import { useLabSession } from './useLabSession';
import type { Locale } from '../i18n/messages';

/** An assignment's text in the interface language, falling back to any language the teacher wrote. */
export function localized(text: Assignment['title'], locale: Locale): string {
  return text[locale] || text.es || text.pt || text.en;
}

/**
 * The open assignment, if any: its title and instructions in the interface language, which fields are locked
 * (the views grey them with `reason` as the tooltip), and what the current setup breaks (training is refused then).
 */
export function useAssignment() {
  const { t, locale } = useI18n();
  const lab = useLabSession();
  const kept = useKeptSession();

  const assignment = computed(() => lab.project.value?.assignment ?? null);
  const handedOut = computed(() => lab.project.value?.assignmentSetup ?? null);
  const title = computed(() => (assignment.value ? localized(assignment.value.title, locale.value as Locale) : ''));
  const instructions = computed(() => (assignment.value ? localized(assignment.value.instructions, locale.value as Locale) : ''));
  const reason = computed(() => (assignment.value ? t('assignment.lockedReason', { title: title.value }) : ''));
  const locks = computed(() => {
    const l = assignment.value?.locks;
    return {
      dataset: !!l?.dataset,
      split: !!l?.split,
      features: !!l?.features,
      model: l?.model.kind === 'fixed',
      families: l?.model.kind === 'families' ? l.model.families : null,
      epochs: l?.epochs ?? null,
    };
  });
  const violations = computed<LockViolation[]>(() =>
    assignment.value && handedOut.value ? setupViolations(kept.collectSetup(), assignment.value, handedOut.value) : [],
  );

  function describe(violation: LockViolation): string {
    switch (violation.code) {
      case 'dataset':
        return t('assignment.lockedDataset', { name: handedOut.value?.dataset?.name ?? '' });
      case 'epochs':
        return t('assignment.epochsOutside', { min: violation.min, max: violation.max });
      case 'model-family':
        return t('assignment.familyNotAllowed', {
          families: violation.allowed.map((family) => t(`assignment.families.${family}`)).join(', '),
        });
      case 'model-fixed':
        return t('assignment.modelChanged');
      case 'split':
      case 'seed':
      case 'features':
        return reason.value;
    }
  }

  return { assignment, handedOut, title, instructions, reason, locks, violations, describe };
}
