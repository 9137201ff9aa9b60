export { priceTableOption } from "./check-price-table";
export { type ModelPrice, type PriceTable, priceUsage, priceWith, promptCacheSavings } from "./model-pricing";
