/**
 * A model of what Salesforce's Embedded Chat client (snippet 5.0, `validateStartChatAttributes`
 * in client/liveagent.esw.js) accepts as `liveAgentAPI.startChat(attributes)`, written from
 * docs/legacy-chat-client.md, independently of the service's own code:
 *
 * - the client builds `directToAgentRouting` from the TOP-LEVEL `buttonId`, `userId`, `fallback`
 *   and throws on a blank or non-string top-level `buttonId`; so when direct routing is present
 *   both shapes must be there and agree;
 * - `prepopulatedPrechatFields` must be an object (of field API name to text);
 * - `extraPrechatInfo`, `extraPrechatFormDetails` and `fallbackRouting` must be arrays;
 * - each fallback rule is a button ID (573), a user ID (005) or `userId_buttonId`;
 * - `directToButtonRouting` is a function (ignored otherwise);
 * - everything else is plain data (the client mutates it; under Lightning Web Security objects
 *   with getters, class instances or functions do not cross the sandbox).
 *
 * `clientProblems` lists every departure (empty = the client accepts); `mutateAsClient` does to
 * an attributes object what the real client does to it.
 */
import { isButtonId, isFallbackRule, isUserId } from './salesforceIdOracle';

export const DOCUMENTED_ATTRIBUTES: readonly string[] = [
    'directToAgentRouting',
    'prepopulatedPrechatFields',
    'extraPrechatInfo',
    'extraPrechatFormDetails',
    'fallbackRouting',
    'directToButtonRouting'
];
/** The top-level keys the client reads direct-to-agent routing from. */
export const TOP_LEVEL_ROUTING: readonly string[] = ['buttonId', 'userId', 'fallback'];
const ARRAY_ATTRIBUTES: readonly string[] = [
    'extraPrechatInfo',
    'extraPrechatFormDetails',
    'fallbackRouting'
];

function own(value: object, key: string): boolean {
    return Object.prototype.hasOwnProperty.call(value, key);
}

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return false;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    return proto === Object.prototype || proto === null;
}

/** Problems that make `value` something other than plain JSON-like data (path-prefixed). */
export function plainDataProblems(
    value: unknown,
    path: string,
    seen = new Set<object>()
): string[] {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') {
        return [];
    }
    if (typeof value === 'number') {
        return Number.isFinite(value) ? [] : [`${path}: a non-finite number`];
    }
    if (typeof value !== 'object') {
        return [`${path}: a ${typeof value}, not plain data`];
    }
    if (seen.has(value)) {
        return [`${path}: a shared or circular reference`];
    }
    seen.add(value);
    if (!Array.isArray(value) && !isPlainRecord(value)) {
        return [`${path}: an object that is not a plain object or array`];
    }
    const problems: string[] = [];
    for (const key of Reflect.ownKeys(value)) {
        if (typeof key === 'symbol') {
            problems.push(`${path}: a symbol key`);
            continue;
        }
        if (Array.isArray(value) && key === 'length') {
            continue;
        }
        const descriptor = Object.getOwnPropertyDescriptor(value, key);
        if (!descriptor || !('value' in descriptor)) {
            problems.push(`${path}.${key}: an accessor property`);
            continue;
        }
        if (key === '__proto__') {
            problems.push(`${path}: an own __proto__ key`);
        }
        problems.push(...plainDataProblems(descriptor.value, `${path}.${key}`, seen));
    }
    return problems;
}

/** Every reason the client would throw on, or misread, these startChat attributes. */
export function clientProblems(attributes: unknown): string[] {
    if (!isPlainRecord(attributes)) {
        return ['attributes: not a plain object'];
    }
    const problems: string[] = [];
    for (const key of Reflect.ownKeys(attributes)) {
        if (
            typeof key !== 'string' ||
            !(DOCUMENTED_ATTRIBUTES.includes(key) || TOP_LEVEL_ROUTING.includes(key))
        ) {
            problems.push(`attributes: unexpected key ${String(key)}`);
        }
    }

    const direct =
        TOP_LEVEL_ROUTING.some((k) => own(attributes, k)) ||
        own(attributes, 'directToAgentRouting');
    if (direct) {
        const { buttonId, userId, fallback } = attributes;
        if (typeof buttonId !== 'string' || buttonId.trim() === '') {
            problems.push(
                'buttonId: the client throws on a blank or non-string top-level buttonId'
            );
        } else if (!isButtonId(buttonId)) {
            problems.push('buttonId: not a chat button ID (573, 15 or 18 characters)');
        }
        if (userId !== undefined && !isUserId(userId)) {
            problems.push('userId: not a user ID (005, 15 or 18 characters)');
        }
        if (fallback !== undefined && typeof fallback !== 'boolean') {
            problems.push('fallback: not a boolean');
        }
        const nested = attributes.directToAgentRouting;
        if (!isPlainRecord(nested)) {
            problems.push('directToAgentRouting: missing or not a plain object');
        } else {
            for (const key of Object.keys(nested)) {
                if (!TOP_LEVEL_ROUTING.includes(key)) {
                    problems.push(`directToAgentRouting.${key}: not a routing key`);
                }
            }
            for (const key of TOP_LEVEL_ROUTING) {
                if (nested[key] !== attributes[key]) {
                    problems.push(`directToAgentRouting.${key}: differs from the top-level ${key}`);
                }
            }
        }
    }

    if (own(attributes, 'prepopulatedPrechatFields')) {
        const fields = attributes.prepopulatedPrechatFields;
        if (!isPlainRecord(fields)) {
            problems.push('prepopulatedPrechatFields: not a plain object');
        } else {
            for (const key of Object.keys(fields)) {
                if (typeof fields[key] !== 'string') {
                    problems.push(`prepopulatedPrechatFields.${key}: not a string`);
                }
            }
        }
    }
    for (const key of ARRAY_ATTRIBUTES) {
        if (own(attributes, key) && !Array.isArray(attributes[key])) {
            problems.push(`${key}: not an array`);
        }
    }
    if (Array.isArray(attributes.fallbackRouting)) {
        attributes.fallbackRouting.forEach((rule: unknown, index: number) => {
            if (!isFallbackRule(rule)) {
                problems.push(`fallbackRouting[${index}]: not 573…, 005… or userId_buttonId`);
            }
        });
    }
    if (
        own(attributes, 'directToButtonRouting') &&
        typeof attributes.directToButtonRouting !== 'function'
    ) {
        problems.push('directToButtonRouting: not a function');
    }
    for (const key of Object.keys(attributes)) {
        const descriptor = Object.getOwnPropertyDescriptor(attributes, key);
        if (!descriptor || !('value' in descriptor)) {
            problems.push(`${key}: an accessor property`);
        } else if (key !== 'directToButtonRouting') {
            problems.push(...plainDataProblems(descriptor.value, key));
        }
    }
    return problems;
}

/**
 * Problems of the documented entry shapes of extraPrechatInfo / extraPrechatFormDetails (the
 * client itself only checks that they are arrays; the chat fails later when entries are wrong).
 * Applies to data the service built from a validated configuration.
 */
export function documentedShapeProblems(attributes: Record<string, unknown>): string[] {
    const problems: string[] = [];
    const text = (v: unknown): boolean => typeof v === 'string';
    const optionalText = (v: unknown): boolean => v === undefined || typeof v === 'string';
    const bool = (v: unknown): boolean => typeof v === 'boolean';
    const info = attributes.extraPrechatInfo;
    if (Array.isArray(info)) {
        info.forEach((entry: unknown, i) => {
            const e = entry as Record<string, unknown>;
            if (
                !isPlainRecord(entry) ||
                !text(e.entityName) ||
                !Array.isArray(e.entityFieldMaps) ||
                !optionalText(e.saveToTranscript) ||
                !(e.showOnCreate === undefined || bool(e.showOnCreate))
            ) {
                problems.push(`extraPrechatInfo[${i}]: not { entityName, entityFieldMaps, ... }`);
                return;
            }
            (e.entityFieldMaps as unknown[]).forEach((map, j) => {
                const m = map as Record<string, unknown>;
                if (
                    !isPlainRecord(map) ||
                    !text(m.fieldName) ||
                    !text(m.label) ||
                    !bool(m.doCreate) ||
                    !bool(m.doFind) ||
                    !bool(m.isExactMatch)
                ) {
                    problems.push(`extraPrechatInfo[${i}].entityFieldMaps[${j}]: wrong shape`);
                }
            });
        });
    }
    const details = attributes.extraPrechatFormDetails;
    if (Array.isArray(details)) {
        details.forEach((entry: unknown, i) => {
            const d = entry as Record<string, unknown>;
            if (
                !isPlainRecord(entry) ||
                !text(d.label) ||
                !optionalText(d.value) ||
                !bool(d.displayToAgent) ||
                !Array.isArray(d.transcriptFields) ||
                !(d.transcriptFields as unknown[]).every(text)
            ) {
                problems.push(`extraPrechatFormDetails[${i}]: wrong shape`);
            }
        });
    }
    return problems;
}

/**
 * Does to `attributes` what the real client does: rebuilds directToAgentRouting from the
 * top-level keys, adds its own flags, and (as any code that owns the object may) edits the
 * nested lists and objects in place. Throws where the real client throws.
 */
export function mutateAsClient(attributes: Record<string, unknown>): void {
    if ('buttonId' in attributes || 'directToAgentRouting' in attributes) {
        const buttonId = attributes.buttonId;
        if (typeof buttonId !== 'string' || buttonId.trim() === '') {
            throw new Error('buttonId is required for directToAgentRouting');
        }
        attributes.directToAgentRouting = {
            buttonId,
            userId: attributes.userId,
            fallback: attributes.fallback === true
        };
    }
    attributes.isDirectToAgentRouting = 'directToAgentRouting' in attributes;
    for (const key of ARRAY_ATTRIBUTES) {
        const list = attributes[key];
        if (own(attributes, key) && !Array.isArray(list)) {
            throw new Error(`${key} must be an array`);
        }
        if (Array.isArray(list)) {
            for (const entry of list) {
                if (isPlainRecord(entry)) {
                    entry.mutatedByClient = true;
                    for (const value of Object.values(entry)) {
                        if (Array.isArray(value)) value.push('mutated-by-client');
                    }
                }
            }
            list.push('mutated-by-client');
        }
    }
    const fields = attributes.prepopulatedPrechatFields;
    if (own(attributes, 'prepopulatedPrechatFields')) {
        if (!fields || typeof fields !== 'object') {
            throw new Error('prepopulatedPrechatFields must be an object');
        }
        (fields as Record<string, unknown>).MutatedByClient = 'yes';
    }
}
