// Dialogs in the playground. An alert with only an OK button needs nobody: the fake answers it OK and the
// page shows it afterwards. A question (Yes/No, OK/Cancel, a prompt) needs the person at the page, but the
// script runs synchronously in the server and cannot wait for a browser. So the first time a menu item asks
// one, the question is caught before the script gets any answer (the call ends there, as if the script had
// stopped at the dialog), the page shows it, and the item runs again from the start with the answers given
// so far queued as the fake's scripted replies. That is what Apps Script would do provided the item asks
// before it writes, which the add-on's items do (Record check-in asks first, then records).

import type { FakeUi } from '../local/spreadsheet';
import type { ButtonName, Question } from './api';

/** The message of the error that stops a script at an unanswered question. */
export const QUESTION_PENDING = 'The playground is waiting for your answer to a dialog';

type AlertArgs = Parameters<FakeUi['alert']>;

function dialogArgs(first: string, second?: unknown, third?: unknown): Omit<Question, 'kind'> {
  if (typeof second === 'string') return { title: first, prompt: second, buttons: String(third ?? 'OK') };
  return { title: null, prompt: first, buttons: String(second ?? 'OK') };
}

export interface QuestionCatcher {
  /** Queues the answers for the next run, and forgets the last question. */
  prepare(answers: readonly { button: ButtonName; text?: string | undefined }[]): void;
  /** The question the last run stopped at, if any. */
  asked(): Question | null;
  /** Drops answers the run did not use, so they cannot answer a later dialog. */
  finish(): void;
}

/** Makes the fake Ui stop a script at a question nobody has answered yet, remembering the question. */
export function catchQuestions(ui: FakeUi): QuestionCatcher {
  let question: Question | null = null;
  const alert = ui.alert.bind(ui);
  const prompt = ui.prompt.bind(ui);
  ui.alert = (...args: AlertArgs) => {
    const asked = dialogArgs(...args);
    if (ui.pendingReplies() === 0 && asked.buttons !== 'OK') {
      question = { kind: 'alert', ...asked };
      throw new Error(QUESTION_PENDING);
    }
    return alert(...args);
  };
  ui.prompt = (...args: Parameters<FakeUi['prompt']>) => {
    if (ui.pendingReplies() === 0) {
      question = { kind: 'prompt', ...dialogArgs(...args) };
      throw new Error(QUESTION_PENDING);
    }
    return prompt(...args);
  };
  return {
    prepare(answers) {
      question = null;
      for (const answer of answers) ui.reply(ui.Button[answer.button], answer.text ?? '');
    },
    asked: () => question,
    finish() {
      // The fake keeps its queue private; leftovers would answer the next dialog of another run.
      const queue = (ui as unknown as { answers?: unknown[] }).answers;
      if (Array.isArray(queue)) queue.length = 0;
    },
  };
}
