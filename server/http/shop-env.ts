/** The shop API key a request came with, set by the `/api/shop` guard for the routes below it. */
export interface ShopApiKey {
  id: number;
  name: string;
  scopes: string[];
}

export interface ShopEnv {
  Variables: { apiKey: ShopApiKey };
}
