// /certificates (today's API): get, list (name, label_selector, type, sort), listAll, create (uploaded
// or managed), update, delete, then the action retry, the certificate's action list and the per-kind
// action list. The private key goes into one request body (create) and is kept nowhere here.

import { convertAction, convertCertificate } from '../convert';
import type { HcloudError } from '../errors';
import { isLostAnswer, lostAnswerError, type AnswerLost } from '../lostAnswer';
import type { ActionResponseSchema, CertificateCreateRequestSchema, CertificateCreateResponseSchema, CertificateSchema, CertificateUpdateRequestSchema } from '../schema';
import type { ApiTransport, CallOptions, Query } from '../transport';
import type { Action, Certificate, CertificateCreateParams, CertificateCreateResult, CertificateListParams, Labels } from '../types';
import { ActionResource, itemPath, labelQuery, orUndefined } from './base';

function createBody(params: CertificateCreateParams): CertificateCreateRequestSchema {
  return params.type === 'managed'
    ? { name: params.name, type: 'managed', domain_names: params.domainNames, labels: params.labels }
    : { name: params.name, type: 'uploaded', certificate: params.certificate, private_key: params.privateKey, labels: params.labels };
}

export class CertificatesResource extends ActionResource<CertificateSchema, Certificate, CertificateListParams> {
  constructor(transport: ApiTransport) {
    super(transport, '/certificates', { one: 'certificate', many: 'certificates' }, convertCertificate);
  }

  protected override query(params: CertificateListParams): Query {
    return { name: params.name, type: params.type, sort: params.sort, ...labelQuery(params) };
  }

  /**
   * Uploads a certificate with its key, or has a managed one issued (`action`: create_certificate,
   * the issuance). Never sent twice: the name is unique, so after a lost answer the certificate is
   * looked up by it and returned with `answerLost` set (without its action).
   */
  async create(params: CertificateCreateParams, opts?: CallOptions): Promise<CertificateCreateResult & AnswerLost> {
    let w: CertificateCreateResponseSchema;
    try {
      w = await this.transport.request<CertificateCreateResponseSchema>('POST', this.path, { ...opts, body: createBody(params) });
    } catch (e) {
      if (!isLostAnswer(e)) throw e;
      return this.findCreated(params.name, e, opts);
    }
    const certificate = this.convertOne(w?.certificate, 'POST', this.path);
    return w.action ? { certificate, action: convertAction(w.action) } : { certificate };
  }

  private async findCreated(name: string, lost: HcloudError, opts?: CallOptions): Promise<CertificateCreateResult & AnswerLost> {
    let found: Certificate | undefined;
    try {
      found = (await this.list({ name, perPage: 1 }, opts)).items.find((c) => c.name === name);
    } catch (why) {
      throw lostAnswerError(lost, { found: undefined, why });
    }
    if (!found) throw lostAnswerError(lost, { found: false, what: `no certificate is named "${name}"` });
    return { certificate: found, answerLost: lost };
  }

  /** Renames and/or replaces all labels. */
  update(id: number, changes: { name?: string; labels?: Labels }, opts?: CallOptions): Promise<Certificate> {
    const body: CertificateUpdateRequestSchema = { name: changes.name, labels: changes.labels };
    return this.put(id, body, opts);
  }

  /** Deletes a certificate no Load Balancer uses (204). */
  delete(id: number, opts?: CallOptions): Promise<void> {
    return this.remove(id, opts);
  }

  /** A managed certificate whose issuance or renewal failed: tries again (`issue_certificate`). */
  retry(id: number, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'retry', undefined, opts);
  }

  /** One action of any certificate (`GET /certificates/actions/{id}`); `undefined` when it does not exist. */
  getKindAction(actionId: number, opts?: CallOptions): Promise<Action | undefined> {
    return orUndefined(this.transport.request<ActionResponseSchema>('GET', itemPath(`${this.path}/actions`, actionId), opts).then((b) => convertAction(b.action)));
  }
}
