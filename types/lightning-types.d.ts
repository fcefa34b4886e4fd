// Types of the lightning/* base components and @salesforce/* modules Salesforce publishes.
import '@salesforce/lightning-types';
