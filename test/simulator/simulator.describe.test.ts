import { expect } from 'chai';

import type { RunningSimulator } from '../../src/simulator/index.js';
import { queryAll, request, startTestSimulator } from './helpers.js';

const STANDARD_FIELDS: Record<string, string[]> = {
  Company: ['Name', 'Industry', 'Arr', 'Employees', 'Stage', 'Status', 'RenewalDate', 'OriginalContractDate', 'CurrentScore', 'Csm', 'CompanyType', 'Tags', 'CurrencyIsoCode'],
  gsuser: ['Name', 'FirstName', 'LastName', 'Email', 'SFDCUserName', 'SfdcUserId', 'LicenseType', 'IsActiveUser', 'SystemType', 'Manager', 'Timezone', 'Title', 'Locale'],
  call_to_action: ['Name', 'CompanyId', 'DueDate', 'EntityType', 'IsClosed', 'IsImportant', 'OwnerId', 'PriorityId', 'ReasonId', 'StatusId', 'TypeId', 'ModifiedById', 'Comments'],
  cta_group: ['Name', 'DueDate', 'PercentComplete', 'OpenCtas', 'OverdueCtas', 'SuccessPlanTypeId', 'StatusId'],
  activity_timeline: ['CreatedDate', 'CreatedBy', 'LastModifiedDate', 'LastModifiedBy', 'ActivityDate', 'Subject', 'Notes', 'NotesPlainText', 'ContextName', 'GsCompanyId', 'GsRelationshipId', 'GsRelationshipTypeId', 'AuthorId', 'ExternalId', 'ExternalSource', 'InternalAttendees', 'ExternalAttendees', 'DurationInMins', 'MilestoneType', 'ReportingCategory', 'Source', 'UserId', 'UserName', 'UserEmail'],
  da_picklist: ['Name', 'Category', 'IsActive', 'Deleted', 'CtaType', 'SpType'],
};

describe('simulator describe', () => {
  let simulator: RunningSimulator;

  const describeOne = async (name: string) => {
    const response = await request(simulator, 'GET', `/v1/meta/services/objects/${name}/describe?idd=true`);
    expect(response.status, response.text).to.equal(200);
    return response.body.data[0];
  };
  const fieldOf = (described: any, name: string) => described.fields.find((field: any) => field.fieldName === name);

  before(async () => {
    simulator = await startTestSimulator();
  });
  after(() => simulator.stop());

  it('lists every object', async () => {
    const response = await request(simulator, 'GET', '/v1/meta/services/objects/list?po=company&em=false');
    const names = response.body.data.map((object: any) => object.objectName);
    expect(names).to.have.members(['Company', 'gsuser', 'call_to_action', 'cs_task', 'cta_group', 'activity_timeline', 'da_picklist', 'record_delete_log']);
    expect(response.body.data[0]).to.include.keys('objectName', 'label', 'objectType', 'readable');
  });

  for (const [objectName, fields] of Object.entries(STANDARD_FIELDS)) {
    it(`describes the standard fields of ${objectName}`, async () => {
      const names = (await describeOne(objectName)).fields.map((field: any) => field.fieldName);
      expect(names).to.include.members(['Gsid', 'CreatedDate', ...fields]);
    });
  }

  it('gives the timeline no ModifiedDate', async () => {
    const names = (await describeOne('activity_timeline')).fields.map((field: any) => field.fieldName);
    expect(names).to.not.include('ModifiedDate');
  });

  it('gives call_to_action ModifiedById instead of ModifiedBy', async () => {
    const names = (await describeOne('call_to_action')).fields.map((field: any) => field.fieldName);
    expect(names).to.include('ModifiedById');
    expect(names).to.not.include('ModifiedBy');
  });

  it('describes fields with dataType and meta', async () => {
    const arr = fieldOf(await describeOne('Company'), 'Arr');
    expect(arr.dataType).to.equal('CURRENCY');
    expect(arr.meta).to.include.keys('filterable', 'sortable', 'nillable', 'readOnly', 'hidden', 'fieldGroupType', 'decimalPlaces', 'lookupDetail');
    expect(arr.meta.decimalPlaces).to.equal(2);
  });

  it('marks custom fields CUSTOM', async () => {
    const described = await describeOne('Company');
    const custom = described.fields.filter((field: any) => field.meta.fieldGroupType === 'CUSTOM');
    expect(custom.length).to.be.within(2, 3);
    for (const field of custom) expect(field.fieldName).to.match(/__gc$/);
  });

  it('marks timeline custom fields CUSTOM', async () => {
    const custom = (await describeOne('activity_timeline')).fields.filter((field: any) => field.meta.fieldGroupType === 'CUSTOM');
    expect(custom.map((field: any) => field.fieldName)).to.include('Ant__Sentiment__c');
  });

  it('marks system fields SYSTEM', async () => {
    expect(fieldOf(await describeOne('Company'), 'Gsid').meta.fieldGroupType).to.equal('SYSTEM');
  });

  it('gives lookup fields their target', async () => {
    const csm = fieldOf(await describeOne('Company'), 'Csm');
    expect(csm.dataType).to.equal('LOOKUP');
    expect(csm.meta.lookupDetail.lookupName).to.equal('Csm__gr');
    expect(csm.meta.lookupDetail.lookupObjects[0].objectName).to.equal('gsuser');
  });

  it('lists picklist options that are da_picklist rows', async () => {
    const industry = fieldOf(await describeOne('Company'), 'Industry');
    const picklist = await queryAll(simulator, 'da_picklist', { select: ['Gsid', 'Category'] });
    const industryIds = picklist.filter((row) => row.Category === 'Industry').map((row) => row.Gsid);
    expect(industry.options.map((option: any) => option.value)).to.have.members(industryIds);
    expect(industry.options[0]).to.have.keys('value', 'label', 'active');
  });

  it('describes several objects by POST', async () => {
    const response = await request(simulator, 'POST', '/v1/meta/services/objects/describe', {
      objectNames: ['Company', 'gsuser'],
      includeChilds: 'true',
      populatePickListOptions: 'true',
    });
    expect(response.body.data.map((object: any) => object.objectName)).to.deep.equal(['Company', 'gsuser']);
    expect(fieldOf(response.body.data[0], 'Industry').options).to.be.an('array');
  });

  it('leaves options out unless asked by POST', async () => {
    const response = await request(simulator, 'POST', '/v1/meta/services/objects/describe', { objectNames: ['Company'] });
    expect(fieldOf(response.body.data[0], 'Industry')).to.not.have.property('options');
  });

  it('describes object names case-insensitively', async () => {
    expect((await describeOne('GSUSER')).objectName).to.equal('gsuser');
  });

  it('answers OBJECT_NOT_FOUND for an unknown object', async () => {
    const response = await request(simulator, 'GET', '/v1/meta/services/objects/cta_grooup/describe');
    expect(response.status).to.equal(400);
    expect(response.body.result).to.equal(false);
    expect(response.body.title).to.equal('OBJECT_NOT_FOUND');
    expect(response.body.errorDesc).to.equal('Requested object not found.');
  });

  it('answers OBJECT_NOT_FOUND for an unknown object by POST', async () => {
    const response = await request(simulator, 'POST', '/v1/meta/services/objects/describe', { objectNames: ['Company', 'Nope'] });
    expect(response.body.title).to.equal('OBJECT_NOT_FOUND');
  });
});
