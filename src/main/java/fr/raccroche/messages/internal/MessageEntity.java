package fr.raccroche.messages.internal;

import fr.raccroche.messages.Channel;
import fr.raccroche.messages.MessageStatus;
import fr.raccroche.messages.MessageTemplate;
import fr.raccroche.messages.Recipient;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One message: its recipient, content and delivery. The content is part of the case record. */
@Entity
@Table(name = "message")
public class MessageEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_seq")
  @SequenceGenerator(name = "message_seq", sequenceName = "message_seq", allocationSize = 50)
  private Long id;

  @Column(name = "case_number")
  private String caseNumber;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Channel channel;

  @Enumerated(EnumType.STRING)
  @Column(name = "recipient_kind", nullable = false)
  private Recipient recipient;

  @Column(name = "recipient_ref")
  private String recipientRef;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MessageTemplate template;

  @Column(nullable = false)
  private String address;

  private String subject;

  @Column(nullable = false)
  private String body;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MessageStatus status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "created_on", nullable = false)
  private LocalDate createdOn;

  @Column(name = "scheduled_for")
  private Instant scheduledFor;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "failed_at")
  private Instant failedAt;

  private String failure;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "idempotency_key", nullable = false)
  private String idempotencyKey;

  private String provider;

  @Column(name = "provider_reference")
  private String providerReference;

  @Column(name = "unsubscribe_token")
  private String unsubscribeToken;

  @Column(name = "contact_task_id")
  private String contactTaskId;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  public Long getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public void setCaseNumber(String caseNumber) {
    this.caseNumber = caseNumber;
  }

  public Channel getChannel() {
    return channel;
  }

  public void setChannel(Channel channel) {
    this.channel = channel;
  }

  public Recipient getRecipient() {
    return recipient;
  }

  public void setRecipient(Recipient recipient) {
    this.recipient = recipient;
  }

  public String getRecipientRef() {
    return recipientRef;
  }

  public void setRecipientRef(String recipientRef) {
    this.recipientRef = recipientRef;
  }

  public MessageTemplate getTemplate() {
    return template;
  }

  public void setTemplate(MessageTemplate template) {
    this.template = template;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public MessageStatus getStatus() {
    return status;
  }

  public void setStatus(MessageStatus status) {
    this.status = status;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(Instant createdAt) {
    this.createdAt = createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public void setCreatedBy(String createdBy) {
    this.createdBy = createdBy;
  }

  public LocalDate getCreatedOn() {
    return createdOn;
  }

  public void setCreatedOn(LocalDate createdOn) {
    this.createdOn = createdOn;
  }

  public Instant getScheduledFor() {
    return scheduledFor;
  }

  public void setScheduledFor(Instant scheduledFor) {
    this.scheduledFor = scheduledFor;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public void setSentAt(Instant sentAt) {
    this.sentAt = sentAt;
  }

  public Instant getFailedAt() {
    return failedAt;
  }

  public void setFailedAt(Instant failedAt) {
    this.failedAt = failedAt;
  }

  public String getFailure() {
    return failure;
  }

  public void setFailure(String failure) {
    this.failure = failure;
  }

  public int getAttempts() {
    return attempts;
  }

  public void setAttempts(int attempts) {
    this.attempts = attempts;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public void setIdempotencyKey(String idempotencyKey) {
    this.idempotencyKey = idempotencyKey;
  }

  public String getProvider() {
    return provider;
  }

  public void setProvider(String provider) {
    this.provider = provider;
  }

  public String getProviderReference() {
    return providerReference;
  }

  public void setProviderReference(String providerReference) {
    this.providerReference = providerReference;
  }

  public String getUnsubscribeToken() {
    return unsubscribeToken;
  }

  public void setUnsubscribeToken(String unsubscribeToken) {
    this.unsubscribeToken = unsubscribeToken;
  }

  public String getContactTaskId() {
    return contactTaskId;
  }

  public void setContactTaskId(String contactTaskId) {
    this.contactTaskId = contactTaskId;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public void setProcessInstanceId(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  @Override
  public String toString() {
    return "MessageEntity[id=" + id + ", status=" + status + "]";
  }
}
