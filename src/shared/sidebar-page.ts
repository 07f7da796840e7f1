// The attributes the server writes into the sidebar page when a menu item shows it, read by the page as it
// starts. Kept apart from the API schemas: the page imports these values, and importing them from a module
// with zod schemas would bundle zod into the page.

/** The attribute of the page's <html> element that carries a CheckInBoot as JSON. */
export const CHECK_IN_BOOT_ATTRIBUTE = 'data-boot';

/** The attribute of the page's <body> element that names this opening of the sidebar (see session.ts). */
export const OPENING_ATTRIBUTE = 'data-opened';
