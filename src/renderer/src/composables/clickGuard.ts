/**
 * A click handler that ignores the second (third, …) click of a double click. A double click on Entrenar would
 * otherwise start the training with its first click and pause it with its second, because Pausar takes the place
 * of Entrenar under the cursor between the two. The browser numbers the clicks of one burst in `event.detail`
 * (1, 2, …; 0 for a key press), whichever element each lands on, so only the first click of a burst acts.
 */
export function firstClickOnly(action: () => unknown): (event: MouseEvent) => void {
  return (event: MouseEvent) => {
    if (event.detail > 1) return;
    void action();
  };
}
