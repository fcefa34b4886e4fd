import { isBuilderContext, setBuilderContextOverride } from '../builderKit';

describe('isBuilderContext', () => {
    const original = window.location;

    function setHost(hostname: string): void {
        Object.defineProperty(window, 'location', {
            value: { ...original, hostname },
            configurable: true,
            writable: true
        });
    }

    afterEach(() => {
        setBuilderContextOverride(null);
        Object.defineProperty(window, 'location', {
            value: original,
            configurable: true,
            writable: true
        });
    });

    it.each([
        ['mysite.builder.salesforce-experience.com', true],
        ['mysite.sitepreview.my.site.com', true],
        ['mysite.livepreview.salesforce-experience.com', true],
        ['mysite.live-preview.salesforce-experience.com', true],
        ['mysite.my.site.com', false],
        ['builder-tools.example.com', false]
    ])('on host %s answers %s', (host, expected) => {
        setHost(host);
        expect(isBuilderContext()).toBe(expected);
    });

    it('lets an explicit override win over the host', () => {
        setHost('mysite.my.site.com');
        setBuilderContextOverride(true);
        expect(isBuilderContext()).toBe(true);
        setHost('mysite.builder.salesforce-experience.com');
        setBuilderContextOverride(false);
        expect(isBuilderContext()).toBe(false);
        setBuilderContextOverride(null);
        expect(isBuilderContext()).toBe(true);
    });
});
