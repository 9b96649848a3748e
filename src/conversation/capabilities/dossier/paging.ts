// Lists of nominations shown a page at a time: the "previous" and "next" buttons (or words), and
// reading a press of one into the page to show next.
import type { Text } from '../../contract.js';
import type { PromptOption, StepInput } from '../../engine/flow.js';
import { msg } from '../../engine/messages.js';
import type { PageInfo } from './data.js';

/** Goes to the next page of a list. */
export const NEXT_PAGE: PromptOption = { value: 'next', label: msg('appraisal.page.next'), words: ['trang sau', 'tiep', 'xem tiep', 'next', 'more'] };

/** Goes to the previous page of a list. */
export const PREVIOUS_PAGE: PromptOption = { value: 'prev', label: msg('appraisal.page.previous'), words: ['trang truoc', 'previous', 'prev'] };

/** How many pages a list has (at least one). */
export function pageCount(info: PageInfo): number {
  return Math.max(1, Math.ceil(info.total / info.pageSize));
}

/** The page buttons a list offers where it stands. */
export function pageActions(info: PageInfo): PromptOption[] {
  const actions: PromptOption[] = [];
  if (info.page > 0) actions.push(PREVIOUS_PAGE);
  if (info.page + 1 < pageCount(info)) actions.push(NEXT_PAGE);
  return actions;
}

/** "Page 2 of 3", when there is more than one. */
export function pageLine(info: PageInfo): Text[] {
  const pages = pageCount(info);
  return pages > 1 ? [msg('appraisal.page.of', { page: info.page + 1, pages })] : [];
}

/** The page a "next" or "previous" press asks for, or null when the input is something else. */
export function turnedPage(input: StepInput, info: PageInfo): number | null {
  if (input.kind !== 'action') return null;
  if (input.value === 'next') return Math.min(info.page + 1, pageCount(info) - 1);
  if (input.value === 'prev') return Math.max(info.page - 1, 0);
  return null;
}
