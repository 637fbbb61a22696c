import { useI18n } from 'vue-i18n';
import type { KeptProblem } from '../offline/outbox-records';

/**
 * The courier reads a refusal in their own language: the app's sentence for codes it knows
 * (a reassigned parcel above all), the server's own message for any it does not.
 */
export function useCourierProblemText() {
  const { t, te } = useI18n();
  return {
    problemSentence(problem: Pick<KeptProblem, 'code' | 'message'>): string {
      const key = `courier.problem_code.${problem.code}`;
      if (te(key)) return t(key);
      return problem.message || t('courier.problem_code.unknown');
    },
    /** The server's words too, when the sentence above is the app's own. */
    serverDetail(problem: Pick<KeptProblem, 'code' | 'message'>): string | null {
      return te(`courier.problem_code.${problem.code}`) && problem.message ? problem.message : null;
    },
  };
}
