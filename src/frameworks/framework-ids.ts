/** The compliance frameworks rules map to, by the key `meta.frameworks` uses. */
export const FRAMEWORK_IDS = ['nist-800-53-r5', 'iso-27001-2022', 'soc2-2017', 'cis-v8.1', 'pci-dss-4.0.1'] as const;
/** A framework's id: a key of a rule's `meta.frameworks`. */
export type FrameworkId = (typeof FRAMEWORK_IDS)[number];

type NistFamily = 'AC' | 'AU' | 'CM' | 'IA' | 'SA' | 'SC' | 'SI';

/** A NIST SP 800-53 Rev. 5 control or enhancement as the publication prints it: `AC-6`, `AC-6(5)`. */
export type NistControlId = `${NistFamily}-${number}` | `${NistFamily}-${number}(${number})`;
/** An ISO/IEC 27001:2022 Annex A control: `A.5.15`, `A.8.5`. */
export type IsoControlId = `A.${5 | 6 | 7 | 8}.${number}`;
/** A SOC 2 (2017 Trust Services Criteria) common criterion: `CC6.1`. */
export type Soc2CriterionId = `CC${number}.${number}`;
/** A CIS Controls v8.1 safeguard: `6.5`. */
export type CisSafeguardId = `${number}.${number}`;
/** A PCI DSS v4.0.1 requirement item: `8.4.1`. */
export type PciRequirementId = `${number}.${number}.${number}`;

/** The control ids of each framework, as a rule's `meta.frameworks` lists them. */
export interface RuleFrameworks {
  'nist-800-53-r5': NistControlId[];
  'iso-27001-2022': IsoControlId[];
  'soc2-2017': Soc2CriterionId[];
  'cis-v8.1': CisSafeguardId[];
  'pci-dss-4.0.1': PciRequirementId[];
}

/** What a control id of each framework must look like; the catalogue test holds every mapping to it. */
export const CONTROL_ID_PATTERNS: Readonly<Record<FrameworkId, RegExp>> = {
  'nist-800-53-r5': /^(AC|AU|CM|IA|SA|SC|SI)-\d{1,2}(\(\d{1,2}\))?$/,
  'iso-27001-2022': /^A\.[5-8]\.\d{1,2}$/,
  'soc2-2017': /^CC[1-9]\.\d$/,
  'cis-v8.1': /^\d{1,2}\.\d{1,2}$/,
  'pci-dss-4.0.1': /^\d{1,2}\.\d{1,2}\.\d{1,2}$/,
};
