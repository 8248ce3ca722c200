import { computed, inject, onBeforeUnmount, provide, ref, watch, type InjectionKey, type Ref } from 'vue';

/** The number fields of a form that hold a value that cannot be used (out of range, not a number). */
interface FieldValidity {
  invalid: Ref<Set<symbol>>;
}

const key: InjectionKey<FieldValidity> = Symbol('fieldValidity');

/**
 * Called by a view with a primary action (Entrenar): every NumberInput inside reports whether its text is usable, and
 * `hasInvalid` lets the view hold the action until it is, so η = 1000 is caught at the field, not after Entrenar.
 */
export function provideFieldValidity() {
  const invalid = ref(new Set<symbol>());
  provide(key, { invalid });
  return { hasInvalid: computed(() => invalid.value.size > 0) };
}

/** Used by NumberInput: reports `bad` to the enclosing form (if any) while the field exists. */
export function reportFieldValidity(bad: Ref<boolean>): void {
  const form = inject(key, null);
  if (!form) return;
  const id = Symbol('field');
  const set = (value: boolean) => {
    const next = new Set(form.invalid.value);
    if (value) next.add(id);
    else next.delete(id);
    form.invalid.value = next;
  };
  watch(bad, set, { immediate: true });
  onBeforeUnmount(() => set(false));
}
