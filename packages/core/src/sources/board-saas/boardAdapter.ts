/** Bump when board parsing or classification rules change. */
const BOARD_ADAPTER_VERSION = 'board-saas-1';

export { BOARD_ADAPTER_VERSION };
